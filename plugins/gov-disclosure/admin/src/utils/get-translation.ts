import { PLUGIN_ID } from '../../../shared/constants';

/** Translation keys of this plugin are namespaced by its id, as the admin panel expects. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
