import { PLUGIN_ID } from '../../shared/constants';
import { PluginIcon } from './components/PluginIcon';
import { getTranslation } from './utils/get-translation';

interface AdminApp {
  addMenuLink(link: {
    to: string;
    icon: () => JSX.Element;
    intlLabel: { id: string; defaultMessage: string };
    Component: () => Promise<{ default: () => JSX.Element }>;
    permissions: Array<{ action: string; subject: string | null }>;
  }): void;
  registerPlugin(plugin: { id: string; name: string }): void;
}

const prefixKeys = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));

export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: '政府信息公开' },
      Component: () => import('./pages/App'),
      permissions: [],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixKeys(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
