/**
 * The server's memory in one log line (debug level), written after a document is loaded or
 * unloaded: what an operator, or the memory bench, reads to tell the journals' own size
 * (heap used) from what the process keeps around it.
 */
/** `documentsInMemory`: loaded and loading. */
export function memoryLine(documentsInMemory: number): string {
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  return (
    `Memory: ${mb(rss)} MB resident; heap ${mb(heapUsed)} MB used of ${mb(heapTotal)} MB; ` +
    `${mb(external)} MB outside the heap (${mb(arrayBuffers)} MB buffers); ` +
    `${documentsInMemory} document${documentsInMemory === 1 ? '' : 's'} in memory`
  );
}
