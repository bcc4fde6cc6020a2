export { MEDIA_TYPES, dotExtensionOf, previewContentType, previewPolicy } from './media-types';
export { createPreviewGrants, GRANT_LIFETIME_MS } from './preview-grants';
export type { PreviewGrant, PreviewGrants, PreviewGrantOptions } from './preview-grants';
export { boundedRange, createPreviewResponder, PREVIEW_CHUNK_BYTES, refusal } from './preview-responder';
export type { PreviewRequest, PreviewResponder, PreviewResponderDeps } from './preview-responder';
export { createRangeUpstream, FORWARDED_HEADERS } from './range-upstream';
export type { DownloadUrlSource, OpenUpstream, RangeUpstreamOptions } from './range-upstream';
export { withPreviewUrls } from './with-preview-urls';
