export default {
  config: {
    locales: ['zh-Hans'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap() {},
};
