import { validateYupSchema, yup } from '@strapi/utils';
import { renderMarkdown } from '../domain/markdown';

const validatePreview = validateYupSchema(yup.object({ markdown: yup.string().max(200_000).defined() }).noUnknown());

/** Preview for the admin editors: the same rendering and sanitizing the portal uses. */
const markdown = () => ({
  async preview(ctx: { request: { body: unknown }; body: unknown }) {
    const { markdown: source } = (await validatePreview(ctx.request.body ?? {})) as { markdown: string };
    ctx.body = { data: { html: renderMarkdown(source) } };
  },
});

export default markdown;
