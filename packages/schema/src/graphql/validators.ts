import { ValidateBy, buildMessage, type ValidationOptions } from "class-validator";

/**
 * The value is a number strictly below `max`. class-validator's `@Max` is inclusive, and some bounds
 * are open, like ReduceLROnPlateau's factor (Keras raises for 1: it would never reduce the rate).
 */
export function LessThan(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "lessThan",
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value === "number" && value < max,
        defaultMessage: buildMessage((each) => `${each}$property must be less than $constraint1`, options),
      },
    },
    options,
  );
}
