/**
 * The words of the few native boxes (and translated menu items) the main process shows itself
 * (before or beside the renderer, which has its own translations), in English and Simplified Chinese. The language
 * follows the system's (`app.getLocale()`).
 */

export type NativeLanguage = 'en' | 'zh-CN';

export function nativeLanguage(locale: string): NativeLanguage {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const TEXT = {
  en: {
    startFailedTitle: 'PanDesk could not start',
    detailsSavedTo: 'Details were saved to',
    unlockTitle: 'PanDesk could not unlock a saved sign-in detail',
    unlockDetail:
      'The system keychain did not give PanDesk what it saved ({reason}). Nothing was deleted: try again, or continue and PanDesk will try again the next time it starts. Entering the details again in Settings replaces them.',
    tryAgain: 'Try again',
    continueWithout: 'Continue without it',
    sandboxTitle: 'PanDesk is running without the Chromium sandbox',
    sandboxAppImage:
      'This system lets only programs with an AppArmor profile create user namespaces (Ubuntu 23.10 and later do), and an AppImage cannot carry the setuid helper, so PanDesk was started with --no-sandbox.',
    sandboxFlag: 'PanDesk was started with --no-sandbox.',
    sandboxWhy:
      'PanDesk shows only its own pages, so this is not an immediate risk, but the sandbox is a second wall if one of them were ever compromised.',
    sandboxFix:
      'To get it back: install the .deb package (it sets up the sandbox and an AppArmor profile), or add an AppArmor profile that allows user namespaces for this AppImage (PanDesk README, "AppImage and the sandbox").',
    ok: 'OK',
    previewPane: 'Preview Pane',
  },
  'zh-CN': {
    startFailedTitle: 'PanDesk 无法启动',
    detailsSavedTo: '详细信息已保存到',
    unlockTitle: 'PanDesk 无法解锁已保存的登录信息',
    unlockDetail:
      '系统钥匙串没有交出 PanDesk 保存的内容（{reason}）。没有删除任何内容：可以重试，或继续使用，PanDesk 下次启动时会再试。在“设置”中重新输入会替换它们。',
    tryAgain: '重试',
    continueWithout: '继续（暂不使用）',
    sandboxTitle: 'PanDesk 正在没有 Chromium 沙箱的情况下运行',
    sandboxAppImage:
      '本系统只允许带有 AppArmor 配置文件的程序创建用户命名空间（Ubuntu 23.10 及以后版本如此），而 AppImage 无法携带 setuid 辅助程序，因此 PanDesk 以 --no-sandbox 启动。',
    sandboxFlag: 'PanDesk 以 --no-sandbox 启动。',
    sandboxWhy: 'PanDesk 只显示自己的页面，因此这不是直接的风险；但沙箱是万一页面被攻破时的第二道防线。',
    sandboxFix:
      '恢复沙箱的方法：安装 .deb 软件包（它会设置沙箱和 AppArmor 配置文件），或为此 AppImage 添加允许用户命名空间的 AppArmor 配置文件（见 PanDesk README 的“AppImage and the sandbox”）。',
    ok: '确定',
    previewPane: '预览窗格',
  },
} as const;

export type NativeText = { readonly [K in keyof (typeof TEXT)['en']]: string };

export function nativeText(language: NativeLanguage): NativeText {
  return TEXT[language];
}
