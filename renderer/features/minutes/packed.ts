/**
 * A section's content held compressed while no editor shows it (issue 16). In a long meeting most sections are far
 * from the viewport; their JSON text was most of the page's memory (13.6 MiB for a 12 MB meeting). gzip (the
 * browser's CompressionStream) keeps it in about a third, and it is unpacked when the section comes near (its editor
 * is about to mount) or when the public preview needs every section.
 */
export const canPack = typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

export async function pack(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function unpack(bytes: Uint8Array): Promise<string> {
  return new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}
