/** Facts about the workspace that checks read: the root and the apps with their declared environment. */
export { serviceApps as apps, type AppInfo as AppFacts, type VariableSpec } from '../stack/apps';
export { WORKSPACE_ROOT as ROOT } from '@seriktes/testing';
