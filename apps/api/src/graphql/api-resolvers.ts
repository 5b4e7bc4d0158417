import { CatalogueImportResolver, CatalogueResolver } from '@upops/catalogue';
import { IdentityResolver } from '@upops/identity';
import {
  InventoryChangedResolver,
  InventoryEditResolver,
  InventoryHistoryResolver,
  InventoryImportResolver,
  InventoryResolver,
} from '@upops/inventory';
import { NotificationResolver, ReviewResolver, ReviewThreadResolver, ReviewWorkflowResolver, SubmissionResolver } from '@upops/review';
import { HealthResolver } from '../health/health.resolver';

/** Every resolver of the api: the committed schema (schema.graphql) is built from this list. */
export const API_RESOLVERS = [
  HealthResolver,
  IdentityResolver,
  CatalogueResolver,
  CatalogueImportResolver,
  InventoryResolver,
  InventoryEditResolver,
  InventoryHistoryResolver,
  InventoryChangedResolver,
  InventoryImportResolver,
  ReviewResolver,
  ReviewWorkflowResolver,
  ReviewThreadResolver,
  SubmissionResolver,
  NotificationResolver,
];
