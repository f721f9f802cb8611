export { PostgresHub, type HubChange, type HubDevice } from './postgres-hub';
export {
  hubSettingsSchema,
  parseHubSettings,
  parseHubUrl,
  effectiveTls,
  describeHub,
  type HubSettings,
} from './settings';
export { HubError, type HubProblem } from './hub-errors';
export { HUB_SCHEMA_SQL, HUB_SCHEMA_VERSION, HUB_INSTALL_ROLE } from './hub-schema';
