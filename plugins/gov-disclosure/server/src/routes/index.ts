import admin from './admin';
import contentApi from './content-api';
import portal from './portal';

export default {
  admin,
  'content-api': contentApi,
  portal,
};
