import type { previewEn } from './preview-en';

/** Simplified Chinese strings of the quick preview and the preview pane; spread into `zhCN`. */
export const previewZhCN: typeof previewEn = {
  preview: {
    title: '“{{name}}”的预览',
    close: '关闭预览',
    previous: '上一个文件',
    next: '下一个文件',
    pane: '预览窗格',
    paneToggle: '预览',
    paneToggleHint: '显示或隐藏预览窗格（Alt+P）',
    paneEmpty: '选择一个文件即可预览。',
    loading: '正在加载预览…',
    truncated: '仅显示前 {{size}}（共 {{total}}）。',
    failed: '无法加载预览。请重试，或打开、下载该文件。',
    retry: '重试',
    open: '打开',
    download: '下载',
    pdfFrame: 'PDF 文档“{{name}}”',
    folder: '文件夹没有预览。打开文件夹即可查看其中内容。',
    noPreview: '{{type}} 文件没有预览。请打开或下载该文件查看。',
    unavailable: '此处无法预览。请打开或下载该文件。',
  },
};
