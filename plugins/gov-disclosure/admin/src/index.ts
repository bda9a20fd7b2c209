import { PLUGIN_ID } from '../../shared/constants';
import { REPORT_TEMPLATE_INPUT, ReportTemplateInput, YEAR_INPUT, YearInput } from './components/ChoiceInputs';
import { guideEditFields } from './components/edit-view';
import { withTranslatedLocaleStatus } from './components/locale-picker';
import { formatReportColumns, formatStateColumn, localesColumnInReadersLanguage, withoutStockPublishing } from './components/list-view';
import { PluginIcon } from './components/PluginIcon';
import { WorkflowPanel } from './components/WorkflowPanel';
import { choiceLabels } from './translations/choice-labels';
import { chooseDefaultLanguage } from './utils/default-language';
import { getTranslation } from './utils/get-translation';

type Reducer = (prev: Array<((props: { model: string }) => unknown) & { type?: string }>) => unknown[];

interface AdminApp {
  addMenuLink(link: {
    to: string;
    icon: () => JSX.Element;
    intlLabel: { id: string; defaultMessage: string };
    Component: () => Promise<{ default: () => JSX.Element }>;
    permissions: Array<{ action: string; subject: string | null }>;
  }): void;
  registerPlugin(plugin: { id: string; name: string }): void;
  registerHook(name: string, fn: (args: never) => unknown): void;
  addFields(fields: Array<{ type: string; Component: (props: never) => JSX.Element }>): void;
  getPlugin(id: string): { apis: Record<string, (arg: unknown) => void> };
  configurations: { locales: string[] };
}

const prefixKeys = (data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));

export default {
  register(app: AdminApp) {
    // before the panel renders and reads the stored language
    chooseDefaultLanguage(app.configurations.locales, window.localStorage, navigator.languages ?? [navigator.language]);
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: '政府信息公开' },
      Component: () => import('./pages/App'),
      permissions: [],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    // inputs the edit-view hook gives the report's year and form (components/edit-view.tsx)
    app.addFields([
      { type: YEAR_INPUT, Component: YearInput as (props: never) => JSX.Element },
      { type: REPORT_TEMPLATE_INPUT, Component: ReportTemplateInput as (props: never) => JSX.Element },
    ]);
  },

  bootstrap(app: AdminApp) {
    const cm = app.getPlugin('content-manager').apis;
    cm.addEditViewSidePanel([WorkflowPanel]);
    // Run after every plugin's bootstrap (i18n adds its bulk-locale publish actions in its own),
    // so the filter sees the complete list whatever order plugins bootstrap in.
    setTimeout(() => {
      cm.addDocumentAction(withoutStockPublishing as Reducer);
      cm.addBulkAction(withoutStockPublishing as Reducer);
      cm.addDocumentHeaderAction(withTranslatedLocaleStatus as Reducer);
      app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', localesColumnInReadersLanguage as (args: never) => unknown);
    }, 0);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', formatStateColumn as (args: never) => unknown);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', formatReportColumns as (args: never) => unknown);
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', guideEditFields as (args: never) => unknown);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          const strapiZhHans = locale === 'zh-Hans' ? (await import('./translations/strapi/zh-Hans.json')).default : {};
          // Strapi's own Chinese lacks about a thousand strings of the screens clerks use (the content
          // manager's almost all): this plugin supplies them under Strapi's keys, as an app would.
          return { data: { ...strapiZhHans, ...choiceLabels(locale), ...prefixKeys(data) }, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
