import { validateYupSchema, yup } from '@strapi/utils';
import type { OrganizationCodeCheckRequest, OrganizationCodeCheckResponse } from '../../../shared/types';
import { checkIssuerCode, describeCodeProblem } from '../../../shared/domain/organization-code';

const checkRequest = yup
  .object({ code: yup.string().trim().required().max(40) })
  .noUnknown()
  .strict();

const validateCheckRequest = validateYupSchema(checkRequest);

/** Lets the admin form tell a clerk at once whether a 统一社会信用代码 is well-formed. */
const organizationCodes = () => ({
  async check(ctx: { request: { body: unknown }; body: OrganizationCodeCheckResponse }) {
    const { code } = (await validateCheckRequest(ctx.request.body)) as OrganizationCodeCheckRequest;
    const result = checkIssuerCode(code);
    ctx.body = {
      data: result.valid ? { valid: true, kind: result.kind } : { valid: false, message: describeCodeProblem(result) },
    };
  },
});

export default organizationCodes;
