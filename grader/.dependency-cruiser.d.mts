// The types of `.dependency-cruiser.mjs`, for `test/architecture.test.ts`.
import type { IConfiguration } from 'dependency-cruiser';

declare const config: Required<Pick<IConfiguration, 'forbidden' | 'options'>>;
export default config;
