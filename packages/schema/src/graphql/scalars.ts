import { DateTimeResolver } from "graphql-scalars";

/** The `DateTime` scalar (ISO-8601 strings on the wire); resolvers hand it `Date` objects. */
export const DateTimeScalar = DateTimeResolver;
