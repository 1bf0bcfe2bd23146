import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Checkpoint, Run } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** A run's uploaded checkpoint. */
@Resolver(() => Run)
export class CheckpointResolver {
  @FieldResolver(() => Checkpoint, {
    nullable: true,
    description:
      "The delivered model its agent uploaded (download it at downloadPath); null until then, or when the upload failed or was refused.",
  })
  async checkpoint(@Root() run: Run, @Ctx() ctx: GraftContext): Promise<Checkpoint | null> {
    return ctx.services.checkpoints.find(run.id);
  }
}
