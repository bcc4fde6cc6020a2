/** English strings of the quick preview and the preview pane; spread into `en`. */
export const previewEn = {
  preview: {
    title: 'Preview of “{{name}}”',
    close: 'Close the preview',
    previous: 'Previous file',
    next: 'Next file',
    pane: 'Preview pane',
    paneToggle: 'Preview',
    paneToggleHint: 'Show or hide the preview pane (Alt+P)',
    paneEmpty: 'Select a file to preview it.',
    loading: 'Loading the preview…',
    truncated: 'Showing the first {{size}} of {{total}}.',
    failed: 'The preview could not be loaded. Try again, or open or download the file.',
    retry: 'Try again',
    open: 'Open',
    download: 'Download',
    pdfFrame: 'PDF document “{{name}}”',
    folder: 'No preview for folders. Open the folder to see what it holds.',
    noPreview: 'No preview for {{type}} files. Open or download the file to see it.',
    unavailable: 'Previews are not available here. Open or download the file instead.',
  },
};
