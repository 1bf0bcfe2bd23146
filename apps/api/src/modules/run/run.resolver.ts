import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import {
  Agent,
  Artifact,
  CompleteRunInput,
  CreateRunInput,
  Dataset,
  Epoch,
  Evaluation,
  Experiment,
  Note,
  RenameRunInput,
  Run,
  RunConnection,
  RunFilter,
  RunOrder,
  Sweep,
} from "@graft/schema/graphql";
import { type GraftContext } from "../../context";
import { TOPICS } from "../../pubsub";
import { queryRuns } from "./run.query";

/** Runs: queries, lifecycle mutations, relations, and the runUpdated stream. */
@Resolver(() => Run)
export class RunResolver {
  @Query(() => RunConnection)
  async runs(
    @Arg("filter", () => RunFilter, { nullable: true }) filter: RunFilter | null,
    @Arg("orderBy", () => RunOrder, { nullable: true }) orderBy: RunOrder | null,
    @Arg("first", () => Int, { defaultValue: 50, nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraftContext,
  ): Promise<RunConnection> {
    return queryRuns(ctx.services.deps, filter, orderBy, first ?? 50, after);
  }

  @Query(() => Run)
  async run(@Arg("id", () => ID) id: string, @Ctx() ctx: GraftContext): Promise<Run> {
    return ctx.services.runs.get(id);
  }

  @Mutation(() => Run)
  async createRun(@Arg("input", () => CreateRunInput) input: CreateRunInput, @Ctx() ctx: GraftContext): Promise<Run> {
    return ctx.services.runs.create(input);
  }

  @Mutation(() => Run, {
    nullable: true,
    description: "Hands one QUEUED run (or the given one, for `graft train --api`) to this agent with a lease; null when none is queued.",
  })
  async claimRun(
    @Arg("agentId", () => ID) agentId: string,
    @Arg("runId", () => ID, { nullable: true }) runId: string | null,
    @Ctx() ctx: GraftContext,
  ): Promise<Run | null> {
    return ctx.services.leases.claim(agentId, runId);
  }

  @Mutation(() => Run)
  async completeRun(@Arg("input", () => CompleteRunInput) input: CompleteRunInput, @Ctx() ctx: GraftContext): Promise<Run> {
    return ctx.services.runs.complete(input);
  }

  @Mutation(() => Run)
  async failRun(
    @Arg("runId", () => ID) runId: string,
    @Arg("agentId", () => ID, { nullable: true }) agentId: string | null,
    @Arg("error", () => String) error: string,
    @Arg("attempt", () => Int, {
      nullable: true,
      description: "The run's `attempts` as claimRun answered it (see CompleteRunInput.attempt).",
    })
    attempt: number | null,
    @Ctx() ctx: GraftContext,
  ): Promise<Run> {
    return ctx.services.runs.fail(runId, agentId, error, attempt);
  }

  @Mutation(() => Run, { description: "A queued run ends CANCELED now; a running one learns it at its next heartbeat." })
  async cancelRun(@Arg("runId", () => ID) runId: string, @Ctx() ctx: GraftContext): Promise<Run> {
    return ctx.services.runs.cancel(runId);
  }

  @Mutation(() => ID, {
    description:
      "Deletes a run that is not RUNNING (cancel it first) with all it owns: epochs, evaluation, predictions, tags, notes and its checkpoint's files. Answers the deleted id.",
  })
  async deleteRun(@Arg("runId", () => ID) runId: string, @Ctx() ctx: GraftContext): Promise<string> {
    await ctx.services.runs.delete(runId);
    await ctx.services.checkpoints.removeFiles(runId);
    return runId;
  }

  @Mutation(() => Run, {
    description:
      "Puts a FAILED or CANCELED run back in the queue with a fresh retry budget; its sweep runs again (a run of a CANCELED sweep is refused: resume the sweep). The epochs of its last attempt stay until an agent claims it.",
  })
  async requeueRun(@Arg("runId", () => ID) runId: string, @Ctx() ctx: GraftContext): Promise<Run> {
    return ctx.services.runs.requeue(runId);
  }

  @Mutation(() => Run)
  async renameRun(@Arg("input", () => RenameRunInput) input: RenameRunInput, @Ctx() ctx: GraftContext): Promise<Run> {
    return ctx.services.runs.rename(input.runId, input.name);
  }

  @Mutation(() => Run)
  async editNote(
    @Arg("runId", () => ID) runId: string,
    @Arg("noteId", () => ID) noteId: string,
    @Arg("text", () => String) text: string,
    @Ctx() ctx: GraftContext,
  ): Promise<Run> {
    return ctx.services.annotations.editNote(runId, noteId, text);
  }

  @Mutation(() => Run)
  async removeNote(@Arg("runId", () => ID) runId: string, @Arg("noteId", () => ID) noteId: string, @Ctx() ctx: GraftContext): Promise<Run> {
    return ctx.services.annotations.removeNote(runId, noteId);
  }

  @Mutation(() => Run)
  async addTag(@Arg("runId", () => ID) runId: string, @Arg("tag", () => String) tag: string, @Ctx() ctx: GraftContext): Promise<Run> {
    return ctx.services.annotations.addTag(runId, tag);
  }

  @Mutation(() => Run)
  async removeTag(@Arg("runId", () => ID) runId: string, @Arg("tag", () => String) tag: string, @Ctx() ctx: GraftContext): Promise<Run> {
    return ctx.services.annotations.removeTag(runId, tag);
  }

  @Mutation(() => Run)
  async addNote(@Arg("runId", () => ID) runId: string, @Arg("text", () => String) text: string, @Ctx() ctx: GraftContext): Promise<Run> {
    return ctx.services.annotations.addNote(runId, text);
  }

  @Subscription(() => Run, {
    description: "Status and summary changes of runs, narrowed to an experiment or a sweep.",
    topics: TOPICS.RUN_UPDATED,
    filter: ({ payload, args }) => {
      const run = payload as Run;
      const a = args as { experimentId?: string | null; sweepId?: string | null };
      return (!a.experimentId || run.experimentId === a.experimentId) && (!a.sweepId || run.sweepId === a.sweepId);
    },
  })
  runUpdated(
    @Root() run: Run,
    @Arg("experimentId", () => ID, { nullable: true }) _experimentId: string | null,
    @Arg("sweepId", () => ID, { nullable: true }) _sweepId: string | null,
  ): Run {
    return run;
  }

  @FieldResolver(() => [Int], {
    description:
      "Epochs after which the sweep's early-termination rule may stop this run (HYPERBAND: its bracket's rungs; ASHA: the rungs; MEDIAN: every epoch from 3), before the last. An agent that batches its epochs sends them and waits for the answer at these epochs, so a stopped run does not train past the rung. Empty outside a sweep with a rule.",
  })
  async decisionEpochs(@Root() r: Run, @Ctx() ctx: GraftContext): Promise<number[]> {
    return ctx.services.epochs.decisionEpochsOf(r);
  }

  @FieldResolver(() => Experiment, { nullable: true })
  async experiment(@Root() r: Run, @Ctx() ctx: GraftContext): Promise<Experiment | null> {
    return r.experimentId ? ctx.services.experiments.find(r.experimentId) : null;
  }

  @FieldResolver(() => Sweep, { nullable: true })
  async sweep(@Root() r: Run, @Ctx() ctx: GraftContext): Promise<Sweep | null> {
    return r.sweepId ? ctx.services.sweeps.get(r.sweepId) : null;
  }

  @FieldResolver(() => Dataset)
  async dataset(@Root() r: Run, @Ctx() ctx: GraftContext): Promise<Dataset> {
    return ctx.services.datasets.get(r.datasetId);
  }

  @FieldResolver(() => Agent, { nullable: true })
  async agent(@Root() r: Run, @Ctx() ctx: GraftContext): Promise<Agent | null> {
    return r.agentId ? ctx.services.agents.find(r.agentId) : null;
  }

  // The per-run relations below go through ctx.loaders: resolved for a page of runs, each is one
  // batched query, not one per run.
  @FieldResolver(() => [Epoch])
  epochs(@Root() r: Run, @Ctx() ctx: GraftContext): Promise<Epoch[]> {
    return ctx.loaders.epochs.load(r.id);
  }

  @FieldResolver(() => Evaluation, { nullable: true })
  evaluation(@Root() r: Run, @Ctx() ctx: GraftContext): Promise<Evaluation | null> {
    return ctx.loaders.evaluation.load(r.id);
  }

  @FieldResolver(() => [Artifact])
  artifacts(@Root() r: Run, @Ctx() ctx: GraftContext): Promise<Artifact[]> {
    return ctx.loaders.artifacts.load(r.id);
  }

  @FieldResolver(() => [String])
  tags(@Root() r: Run, @Ctx() ctx: GraftContext): Promise<string[]> {
    return ctx.loaders.tags.load(r.id);
  }

  @FieldResolver(() => [Note])
  notes(@Root() r: Run, @Ctx() ctx: GraftContext): Promise<Note[]> {
    return ctx.loaders.notes.load(r.id);
  }
}
