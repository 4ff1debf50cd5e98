using System.Text.Json.Nodes;
using Runwire.Core.Codecs.Json;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>A validated metadata wrapper: where its <c>__data__</c> is, its <c>__metadata__</c> and read_json options.</summary>
internal sealed record WrappedData(JsonTape Tape, int Data, JsonObject Metadata, JsonObject? ParsingOptions);
