import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'seriktes:auth:public';

/**
 * Open to everyone, no token needed. Defined here (not in libs/auth) because the probes of this
 * library are the first public routes, and libs/auth builds on this library, not the reverse.
 * The auth guard of libs/auth honours it; everything else needs a valid token.
 */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
