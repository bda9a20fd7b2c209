/** Request and response shapes shared by the admin panel and the server. */

export interface SubjectCategoryTreeNode {
  documentId: string;
  code: string;
  name: string;
  nameEn: string;
  children: SubjectCategoryTreeNode[];
}

export interface SubjectCategoryTreeResponse {
  data: SubjectCategoryTreeNode[];
}

export interface OrganizationCodeCheckRequest {
  code: string;
}

export interface OrganizationCodeCheckResponse {
  data: { valid: boolean; kind?: 'credit-code' | 'organization-code'; message?: string };
}
