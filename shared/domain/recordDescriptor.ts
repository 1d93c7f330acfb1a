import * as z from 'zod';

/**
 * One field of a kind of record: how a value is checked when it is written, how a stored
 * value is read back whoever wrote it, and its heading when it is exported as a plain column.
 */
export interface FieldSpec<S extends z.ZodType = z.ZodType> {
  /** Checks a value a person or a client gives; its messages are in words a person understands. */
  readonly schema: S;
  /** Reads a stored value tolerantly: a missing or damaged value reads as a safe default. */
  readonly read: (stored: unknown) => z.output<S>;
  /** Its CSV heading, when a spreadsheet gets it as a plain column. */
  readonly column?: string;
  /** What a new form starts with, when not what a missing value reads as ('' for a title). */
  readonly initial?: z.output<S>;
}

export type FieldSpecs = Record<string, FieldSpec>;

type SchemaShape<F extends FieldSpecs> = { -readonly [K in keyof F]: F[K]['schema'] };

/** A rule between fields (an end after its start); a record that breaks it is refused. */
export interface RecordRule<Fields> {
  /** The field the message is shown on; it reads as its default when a stored record breaks the rule. */
  readonly field: keyof Fields & string;
  readonly message: string;
  holds(fields: Fields): boolean;
}

/**
 * Everything about one kind of record (interaction, goal, contact, planned event,
 * introduction), declared once: the TypeScript type, the validator, the tolerant reader, the
 * defaults a form starts from and the CSV columns all come from it.
 */
export interface RecordDescriptor<Fields extends object = object, Input = unknown> {
  /** The kind's name in messages ("interaction"). */
  readonly name: string;
  readonly fields: { readonly [K in keyof Fields]: FieldSpec };
  /** The field names, in the order of the form and the CSV columns. */
  readonly keys: readonly (keyof Fields & string)[];
  /** Checks a whole record (every field, then the rules between fields). */
  readonly schema: z.ZodType<Fields, Input>;
  /** Checks a change to some fields: unknown fields are refused, rules are not checked. */
  readonly patchSchema: z.ZodType<Partial<Fields>>;
  readonly rules: readonly RecordRule<Fields>[];
  /** What every field reads as when it is missing or damaged. */
  readonly defaults: Readonly<Fields>;
  /** What a new form starts with. */
  readonly initial: Readonly<Fields>;
}

/** The fields of a record as read and stored. */
export type FieldsOf<D extends { readonly schema: z.ZodType }> = z.output<D['schema']>;
/** The fields a writer gives: fields with a default may be left out. */
export type FieldsInputOf<D extends { readonly schema: z.ZodType }> = z.input<D['schema']>;

type OutputOf<F extends FieldSpecs> = z.output<z.ZodObject<SchemaShape<F>>>;
type InputOf<F extends FieldSpecs> = z.input<z.ZodObject<SchemaShape<F>>>;

/** Declares a kind of record from its fields (in order) and the rules between them. */
export function defineRecord<F extends FieldSpecs>(spec: {
  readonly name: string;
  readonly fields: F;
  readonly rules?: readonly RecordRule<OutputOf<F>>[];
}): RecordDescriptor<OutputOf<F>, InputOf<F>> & { readonly fields: F } {
  const entries = Object.entries(spec.fields) as [keyof F & string, FieldSpec][];
  const keys = entries.map(([key]) => key);
  const shape = Object.fromEntries(entries.map(([key, field]) => [key, field.schema]));
  const object = z.object(shape as SchemaShape<F>);
  const rules = spec.rules ?? [];
  const schema = rules.reduce<z.ZodType<OutputOf<F>, InputOf<F>>>(
    (checked, rule) =>
      checked.refine((fields) => rule.holds(fields), {
        error: rule.message,
        path: [rule.field],
      }),
    object,
  );
  const defaults = Object.fromEntries(
    entries.map(([key, field]) => [key, field.read(undefined)]),
  ) as OutputOf<F>;
  const initial = Object.fromEntries(
    entries.map(([key, field]) => [
      key,
      'initial' in field ? field.initial : field.read(undefined),
    ]),
  ) as OutputOf<F>;
  return {
    name: spec.name,
    fields: spec.fields as F & RecordDescriptor<OutputOf<F>>['fields'],
    keys: keys as (keyof OutputOf<F> & string)[],
    schema,
    patchSchema: patchSchemaOf(entries),
    rules,
    defaults: Object.freeze(defaults),
    initial: Object.freeze(initial),
  };
}

/**
 * Checks a change to some fields: each field optional and without its default (a field a
 * change leaves out must stay as it is, not be reset), and no field of another kind.
 */
function patchSchemaOf<Fields>(
  entries: readonly [string, FieldSpec][],
): z.ZodType<Partial<Fields>> {
  const shape = Object.fromEntries(
    entries.map(([key, { schema }]) => [
      key,
      (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema).optional(),
    ]),
  );
  return z.object(shape).strict() as unknown as z.ZodType<Partial<Fields>>;
}

/**
 * Reads a stored record field by field (`stored(key)` gives what is stored under a key, or
 * undefined): each field that is missing or damaged reads as its default, and a field that
 * breaks a rule between fields is reset to its default, so a record damaged by another
 * client still shows all that can be read of it.
 */
export function readFields<Fields extends object>(
  descriptor: RecordDescriptor<Fields>,
  stored: (key: string) => unknown,
): Fields {
  const fields: Record<string, unknown> = {};
  const specs: Readonly<Record<string, FieldSpec>> = descriptor.fields;
  for (const key of descriptor.keys as readonly string[]) {
    fields[key] = specs[key]?.read(stored(key));
  }
  const read = fields as Fields;
  const defaults: Readonly<Record<string, unknown>> = descriptor.defaults;
  for (const rule of descriptor.rules) {
    const field: string = rule.field;
    if (!rule.holds(read)) fields[field] = defaults[field];
  }
  return read;
}

/** A tolerant reader from a field's schema: a stored value the schema refuses reads as `fallback`. */
export function readBySchema<S extends z.ZodType>(
  schema: S,
  fallback: z.output<S>,
): (stored: unknown) => z.output<S> {
  return (stored) => {
    if (stored === undefined) return fallback;
    const result = schema.safeParse(stored);
    return result.success ? result.data : fallback;
  };
}

/** Declares a field whose stored value is read back through its own schema. */
export function checkedField<S extends z.ZodType>(
  schema: S,
  fallback: z.output<S>,
  options: { readonly column?: string; readonly initial?: z.output<S> } = {},
): FieldSpec<S> {
  return { schema, read: readBySchema(schema, fallback), ...options };
}
