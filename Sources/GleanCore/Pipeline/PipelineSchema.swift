import OrderedCollections

/// JSON Schemas of pipeline files (for editors) and of a pipeline's output lines.
public enum PipelineSchema {
    /// The JSON Schema (draft 2020-12) of pipeline files, with each registered stage's
    /// settings checked by its `uses:` name.
    public static func pipelineFile(registry: StageRegistry) -> JSONValue {
        var stageVariants: [JSONValue] = []
        for descriptor in registry.descriptors {
            var properties = OrderedDictionary<String, JSONValue>()
            var required: [JSONValue] = []
            for field in descriptor.configuration {
                var schema = field.type.jsonSchema.objectValue ?? [:]
                schema["description"] = .string(field.summary)
                if let value = field.defaultValue { schema["default"] = value }
                properties[field.name] = .object(schema)
                if field.isRequired { required.append(.string(field.name)) }
            }
            var with: OrderedDictionary<String, JSONValue> = [
                "type": "object", "additionalProperties": false, "properties": .object(properties),
            ]
            if !required.isEmpty { with["required"] = .array(required) }
            stageVariants.append([
                "if": ["properties": ["uses": ["const": .string(descriptor.name)]]],
                "then": ["properties": ["with": .object(with)]],
            ])
        }
        let stage: JSONValue = [
            "type": "object",
            "additionalProperties": false,
            "required": ["uses"],
            "properties": [
                "id": [
                    "type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*$",
                    "description": "Unique id; the stage's key in the output. Defaults to `uses`.",
                ],
                "uses": [
                    "description": "The stage to run (`glean stages` lists them).",
                    "anyOf": [
                        ["enum": .array(registry.names.map(JSONValue.string))],
                        ["type": "string", "pattern": "^plugin:"],
                    ],
                ],
                "needs": [
                    "type": "array", "items": ["type": "string"],
                    "description": "Ids of the stages whose results this stage reads; it runs after them.",
                ],
                "with": ["type": "object", "description": "The stage's settings."],
            ],
            "allOf": .array(stageVariants),
        ]
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Glean pipeline",
            "type": "object",
            "additionalProperties": false,
            "required": ["pipeline", "stages"],
            "properties": [
                "pipeline": ["type": "string", "minLength": 1, "description": "The pipeline's name."],
                "description": ["type": "string", "description": "What the pipeline is for."],
                "input": [
                    "type": "object",
                    "additionalProperties": false,
                    "properties": [
                        "format": [
                            "enum": .array(InputFormat.allCases.map { .string($0.rawValue) }), "default": "jsonl",
                            "description":
                                "jsonl: one JSON object per line; text: a folder of text files; lines: one document per line.",
                        ],
                        "id": ["type": "string", "default": "id", "description": "Field holding the document id (jsonl)."],
                        "text": ["type": "string", "default": "text", "description": "Field holding the text (jsonl)."],
                        "keep": [
                            "type": "array", "items": ["type": "string"],
                            "description": "Fields copied to the output unchanged (jsonl).",
                        ],
                    ],
                ],
                "output": [
                    "type": "object",
                    "additionalProperties": false,
                    "properties": [
                        "order": [
                            "enum": .array(OutputOrder.allCases.map { .string($0.rawValue) }), "default": "input",
                            "description": "input: the input's order; completion: as documents finish.",
                        ],
                        "detail": [
                            "enum": .array(OutputDetail.allCases.map { .string($0.rawValue) }), "default": "full",
                            "description":
                                "full: everything; compact: no evidence, offsets or per-sentence lists; minimal: labels only.",
                        ],
                    ],
                ],
                "plugins": [
                    "type": "array", "items": ["type": "string"],
                    "description": "Folders searched for plugins (relative to the pipeline file), besides $GLEAN_PLUGIN_PATH.",
                ],
                "stages": ["type": "array", "items": stage, "description": "The stages to run."],
            ],
        ]
    }

    /// The JSON Schema of the output lines of `pipeline`.
    public static func output(of pipeline: Pipeline) -> JSONValue {
        var properties: OrderedDictionary<String, JSONValue> = [
            "id": ["type": "string", "description": "The document id."]
        ]
        for field in pipeline.input.keep {
            properties[field] = ["description": .string("Copied unchanged from the input field `\(field)` (null when absent).")]
        }
        for stage in pipeline.stages {
            var schema = stage.descriptor.output.objectValue ?? [:]
            schema["description"] = .string(
                "Output of stage `\(stage.id)` (`\(stage.descriptor.name)` \(stage.descriptor.version)); null when skipped or failed."
            )
            properties[stage.id] = ["anyOf": [.object(schema), ["type": "null"]]]
        }
        properties["skipped"] = [
            "type": "object", "additionalProperties": ["type": "string"],
            "description": "Stage id → why the stage did not analyse the document. Present only when some stage skipped.",
        ]
        properties["errors"] = [
            "type": "array",
            "description": "Stages that failed on the document. Present only when some stage failed.",
            "items": [
                "type": "object",
                "required": ["stage", "code", "message"],
                "properties": [
                    "stage": ["type": "string"], "code": ["type": "string"], "message": ["type": "string"],
                ],
            ],
        ]
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": .string("Output lines of pipeline \(pipeline.name)"),
            "type": "object",
            "required": .array((["id"] + pipeline.input.keep + pipeline.stages.map(\.id)).map(JSONValue.string)),
            "properties": .object(properties),
        ]
    }
}
