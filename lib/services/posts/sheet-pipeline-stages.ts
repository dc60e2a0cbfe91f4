import type { PostPipelineStages } from "./pipeline-stages";
import { syncSheetPosts, type SheetStageDeps } from "./sync-sheet-posts";
import { writeBackPostResults } from "./write-back-post-results";

/** The post pipeline reading its work from the workspace's connected sheets and writing results back to them. */
export function sheetPipelineStages(deps: SheetStageDeps): PostPipelineStages {
  return {
    sync: (input) => syncSheetPosts(deps, input),
    writeBack: (input) => writeBackPostResults(deps, input),
  };
}
