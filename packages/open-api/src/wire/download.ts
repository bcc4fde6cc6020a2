import { z } from 'zod';

/** `GET /api/v1/file/download_info` data (§8.1). The URL carries a signature: never log it whole. */
export const wireDownloadInfo = z.object({ downloadUrl: z.string().min(1) });
