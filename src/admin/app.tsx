import logo from './extensions/logo.svg';

/**
 * The deployment's branding: the platform's name (STRAPI_ADMIN_PLATFORM_NAME when the admin panel
 * is built, e.g. "某某市人民政府信息公开管理平台") and logo on the login page, the menu and the tab
 * title. Chinese first; English stays complete for whoever chooses it in their profile.
 */
const NAME_ZH = process.env.STRAPI_ADMIN_PLATFORM_NAME || '政府信息公开管理平台';
const NAME_EN = process.env.STRAPI_ADMIN_PLATFORM_NAME_EN || 'Government Information Disclosure Platform';

/** Strapi titles every page "<page> | Strapi" (and the document "Strapi Admin"): the platform's name instead. */
const brandTitle = (title: string, name: string) => title.replace(/ \| Strapi$/, ` | ${name}`).replace(/^Strapi Admin$/, name);

/**
 * Strapi 5.54 announces its new media library in a banner above every page until it is dismissed,
 * remembered per browser under a key scoped by the project's telemetry id (none here: "false";
 * "undefined" while the panel loads). A clerk has nothing to do with it: marked dismissed up front.
 */
const hideMediaLibraryBanner = () => {
  for (const legacy of [true, false]) {
    for (const scope of ['false', 'undefined']) {
      const key = `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${scope}`;
      if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, 'true');
    }
  }
};

export default {
  config: {
    locales: ['zh-Hans'],
    auth: { logo },
    menu: { logo },
    head: { favicon: logo },
    tutorials: false,
    notifications: { releases: false },
    translations: {
      'zh-Hans': {
        'Auth.form.welcome.title': `欢迎使用${NAME_ZH}`,
        'Auth.form.welcome.subtitle': '请登录您的账户',
        'Auth.form.register.subtitle': '凭证仅用于登录本平台，所有数据保存在本单位的数据库中。',
        'app.components.LeftMenu.navbrand.title': NAME_ZH,
        'app.components.LeftMenu.navbrand.workplace': '工作台',
      },
      en: {
        'Auth.form.welcome.title': `Welcome to the ${NAME_EN}`,
        'Auth.form.welcome.subtitle': 'Log in to your account',
        'app.components.LeftMenu.navbrand.title': NAME_EN,
      },
    },
  },
  bootstrap() {
    hideMediaLibraryBanner();
    const apply = () => {
      const name = window.localStorage.getItem('strapi-admin-language') === 'en' ? NAME_EN : NAME_ZH;
      const branded = brandTitle(document.title, name);
      if (branded !== document.title) document.title = branded;
    };
    apply();
    new MutationObserver(apply).observe(document.head, { subtree: true, childList: true, characterData: true });
  },
};
