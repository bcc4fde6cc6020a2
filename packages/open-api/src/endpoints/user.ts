import type { HttpCore } from '../http/core';
import { ENDPOINTS } from '../http/endpoints';
import type { Limiter } from '../http/limiter';
import { mapUser } from '../map/user';
import type { PanUser } from '../types';
import { wireUserInfo } from '../wire/user';

export interface UserApi {
  /** Account info; also switches the limiter to the VIP table when `vipInfo` is non-empty. */
  info(options?: { signal?: AbortSignal }): Promise<PanUser>;
}

export function createUserApi(core: HttpCore, limiter: Limiter): UserApi {
  return {
    async info(options = {}) {
      const user = mapUser(await core.call(ENDPOINTS.userInfo, wireUserInfo, { signal: options.signal }));
      limiter.setTier(user.vip ? 'vip' : 'free');
      return user;
    },
  };
}
