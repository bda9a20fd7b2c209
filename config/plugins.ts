import { secret } from '../src/utils/secrets';

type Env = ((key: string, fallback?: string) => string) & {
  bool(key: string, fallback?: boolean): boolean;
  int(key: string, fallback?: number): number;
  float(key: string, fallback?: number): number;
};

export default ({ env }: { env: Env }) => ({
  'gov-disclosure': {
    enabled: true,
    resolve: './plugins/gov-disclosure',
    config: {
      separationOfDuties: env.bool('GOV_DISCLOSURE_SEPARATION_OF_DUTIES', true),
      publicCacheSeconds: env.int('GOV_DISCLOSURE_PUBLIC_CACHE_SECONDS', 5),
      publicReadConnections: env.int('GOV_DISCLOSURE_PUBLIC_READ_CONNECTIONS', 4),
      // public reads ahead of the middleware stack: 'auto' (when the stack is Strapi's stock one), 'true' or 'false'
      frontDoor: { true: true, false: false }[env('GOV_DISCLOSURE_FRONT_DOOR', 'auto')] ?? 'auto',
      // every instance looks for due scheduled work this often; a claim left unrenewed this long is taken over
      // seals applicants' identity numbers and files at rest (依申请公开); required in production
      applicantDataKey: secret('GOV_DISCLOSURE_APPLICANT_KEY'),
      jobs: { pollSeconds: env.float('GOV_DISCLOSURE_JOB_POLL_SECONDS', 5), leaseSeconds: env.int('GOV_DISCLOSURE_JOB_LEASE_SECONDS', 60) },
    },
  },
  // Workflow notifications go through SMTP when SMTP_HOST is set; otherwise nodemailer renders
  // them without sending (jsonTransport), so a demo never mails anyone.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: env('SMTP_HOST', '')
        ? {
            host: env('SMTP_HOST'),
            port: env.int('SMTP_PORT', 587),
            secure: env.bool('SMTP_SECURE', false),
            ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
            ...(env('SMTP_USERNAME', '') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD', '') } } : {}),
          }
        : { jsonTransport: true },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'gov-disclosure@localhost'),
        defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'gov-disclosure@localhost')),
      },
    },
  },
});
