import { ActionIcon, Group, Input, Paper, Tooltip } from '@mantine/core';
import { IconBold, IconH3, IconItalic, IconList, IconListNumbers } from '@tabler/icons-react';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { JournalDoc } from '../../../../shared/doc';

type ReflectionFragment = NonNullable<ReturnType<JournalDoc['reflectionFragment']>>;

/**
 * The rich-text reflection of one interaction, bound to its shared fragment in the journal,
 * so edits made on two devices merge. Undo inside the editor covers only local typing.
 */
export function ReflectionEditor({ fragment }: { fragment: ReflectionFragment }) {
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false, link: { openOnClick: false } }),
        Collaboration.configure({ fragment }),
      ],
      editorProps: {
        attributes: {
          'aria-label': 'Reflection',
          role: 'textbox',
          'aria-multiline': 'true',
        },
      },
    },
    [fragment],
  );
  return (
    <Input.Wrapper
      label="Reflection"
      description="What happened, what it meant, what you’d do differently."
    >
      <Paper withBorder mt={4} className="reflection-editor">
        <Toolbar editor={editor} />
        <EditorContent editor={editor} />
      </Paper>
    </Input.Wrapper>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 3 }),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
    }),
  });
  const buttons = [
    {
      label: 'Bold',
      icon: IconBold,
      active: state.bold,
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      label: 'Italic',
      icon: IconItalic,
      active: state.italic,
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      label: 'Heading',
      icon: IconH3,
      active: state.heading,
      run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      label: 'Bulleted list',
      icon: IconList,
      active: state.bullets,
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      label: 'Numbered list',
      icon: IconListNumbers,
      active: state.numbers,
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
  ];
  return (
    <Group gap={2} p={4} role="toolbar" aria-label="Formatting">
      {buttons.map(({ label, icon: Icon, active, run }) => (
        <Tooltip key={label} label={label}>
          <ActionIcon
            variant={active ? 'light' : 'subtle'}
            color="gray"
            aria-label={label}
            aria-pressed={active}
            onClick={run}
          >
            <Icon size={16} />
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}
