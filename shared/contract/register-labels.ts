/**
 * The register's documents and their labels, without a schema: the page that shows them needs no zod
 * (issue 16). register.ts builds its schemas on these and re-exports everything here.
 */
export const REGISTER_DOCUMENTS = ['public_register', 'member_list'] as const;
export type RegisterDocument = (typeof REGISTER_DOCUMENTS)[number];
export const REGISTER_DOCUMENT_LABEL: Record<RegisterDocument, string> = {
  public_register: 'Public register of meetings',
  member_list: 'List of member organisations',
};
