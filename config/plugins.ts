export default ({ env }: { env: { bool(key: string, fallback?: boolean): boolean } }) => ({
  'gov-disclosure': {
    enabled: true,
    resolve: './plugins/gov-disclosure',
    config: {
      separationOfDuties: env.bool('GOV_DISCLOSURE_SEPARATION_OF_DUTIES', true),
    },
  },
});
