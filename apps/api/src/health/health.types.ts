import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A durable subscription (projection, relay) and how far behind the event store it is.' })
export class SubscriptionHealth {
  @Field()
  name!: string;

  @Field({ description: 'Global position of the last event processed (decimal string).' })
  lastPosition!: string;

  @Field({ description: 'Events written after that position, approximately (decimal string).' })
  lag!: string;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: 'Whether the platform can serve: database reachable, event store head.' })
export class Health {
  @Field({ description: '"up" when the database answers, "down" otherwise.' })
  status!: string;

  @Field()
  databaseReachable!: boolean;

  @Field(() => Float, { nullable: true, description: 'Round trip of a trivial query, in milliseconds.' })
  databaseLatencyMs!: number | null;

  @Field(() => String, { nullable: true, description: 'Highest global position in the event store (decimal string).' })
  eventStoreHead!: string | null;

  @Field(() => [SubscriptionHealth])
  subscriptions!: SubscriptionHealth[];
}

@ObjectType({ description: 'The event store head after an append.' })
export class EventStoreHead {
  @Field({ description: 'Highest global position (decimal string).' })
  position!: string;

  @Field()
  observedAt!: Date;
}
