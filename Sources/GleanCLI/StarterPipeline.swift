import GleanCore

/// The pipeline `glean init` writes: every key, commented.
enum StarterPipeline {
    /// The starter file's text for a pipeline called `name`.
    static func text(name: String, registry: StageRegistry) -> String {
        let stages = registry.descriptors.map { "#   \($0.name) — \($0.summary)" }.joined(separator: "\n")
        return """
            # A Glean pipeline. Reference: docs/pipelines.md; schema for editors: `glean schema`.
            pipeline: \(name)
            description: What this pipeline is for.

            input:
              format: jsonl        # jsonl (one JSON object per line) | text (a folder of files) | lines
              id: id               # the field holding each document's id; line numbers when absent
              text: text           # the field holding the text to analyse
              keep: []             # fields copied to the output unchanged, e.g. [title, url]

            output:
              order: input         # input (same bytes whatever the concurrency) | completion

            # Stages run on every document. A stage runs after the stages it `needs`;
            # stages with no path between them run concurrently.
            # Available stages (`glean stages NAME` shows their settings):
            \(stages)
            stages:
              - id: stats          # the key of this stage's result in each output line
                uses: text-stats
                with:
                  min_script_share: 0.01

            """
    }
}
