export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/subject-categories',
      handler: 'subject-categories.tree',
      config: {
        policies: ['admin::isAuthenticatedAdmin'],
      },
    },
    {
      method: 'POST',
      path: '/organization-codes/check',
      handler: 'organization-codes.check',
      config: {
        policies: ['admin::isAuthenticatedAdmin'],
      },
    },
  ],
};
