// Booting Strapi and building its schema takes seconds, more on PostgreSQL.
jest.setTimeout(180_000);
