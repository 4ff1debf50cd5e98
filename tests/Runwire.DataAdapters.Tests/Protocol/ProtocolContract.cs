using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Contracts;

namespace Runwire.DataAdapters.Tests.Protocol;

/// <summary>
/// The checks of hetida's generic REST protocol (web_service_interface.md) that any adapter must pass, run against
/// an adapter at <paramref name="baseUrl"/> that offers the dataframe source and sink named.
/// </summary>
internal sealed class ProtocolContract(HttpClient http, string baseUrl, string dataFrameSource, string dataFrameSink)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task InfoAsync()
    {
        var info = await GetJsonAsync("info");
        foreach (var key in new[] { "id", "name", "version" })
        {
            Assert.IsType<string>(info[key]!.GetValue<object>().ToString());
            Assert.NotEmpty(info[key]!.GetValue<string>());
        }
    }

    public async Task StructureAsync()
    {
        var root = await GetJsonAsync("structure");
        Assert.NotEmpty(root["id"]!.GetValue<string>());
        var nodes = root["thingNodes"]!.AsArray();
        Assert.NotEmpty(nodes);
        foreach (var node in nodes)
        {
            Assert.NotEmpty(node!["id"]!.GetValue<string>());
            Assert.NotEmpty(node["name"]!.GetValue<string>());
            Assert.IsType<string>(node["description"]!.GetValue<string>());
        }
        var level = await GetJsonAsync("structure?parentId=" + Uri.EscapeDataString(nodes[0]!["id"]!.GetValue<string>()));
        Assert.IsType<JsonArray>(level["sources"]);
        Assert.IsType<JsonArray>(level["sinks"]);
        var node0 = await GetJsonAsync("thingNodes/" + nodes[0]!["id"]!.GetValue<string>());
        Assert.Equal(nodes[0]!["id"]!.GetValue<string>(), node0["id"]!.GetValue<string>());
    }

    public async Task ListingsAsync()
    {
        foreach (var (endpoint, key, known) in new[] { ("sources", "sources", dataFrameSource), ("sinks", "sinks", dataFrameSink) })
        {
            var listing = await GetJsonAsync(endpoint);
            var items = listing[key]!.AsArray();
            Assert.Equal(items.Count, listing["resultCount"]!.GetValue<int>());
            foreach (var item in items)
            {
                foreach (var field in new[] { "id", "thingNodeId", "name", "path" })
                {
                    Assert.IsType<string>(item![field]!.GetValue<string>());
                }
                Assert.NotNull(ExternalTypes.Normalize(item!["type"]!.GetValue<string>()));
                Assert.True(item["visible"]!.GetValue<bool>());
                Assert.IsType<JsonObject>(item["filters"]);
            }
            var single = await GetJsonAsync($"{endpoint}/{known}");
            Assert.Equal(known, single["id"]!.GetValue<string>());
            Assert.Equal("dataframe", single["type"]!.GetValue<string>());
            var metadata = JsonNode.Parse(await GetStringAsync($"{endpoint}/{known}/metadata/"));
            Assert.IsType<JsonArray>(metadata);
        }
    }

    public async Task DataFrameAsync()
    {
        var response = await http.GetAsync($"{baseUrl}/dataframe?id={Uri.EscapeDataString(dataFrameSource)}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        var keys = lines.Select(l => string.Join(",", JsonNode.Parse(l)!.AsObject().Select(kv => kv.Key))).Distinct();
        Assert.Single(keys);

        var post = await http.PostAsync($"{baseUrl}/dataframe?id={Uri.EscapeDataString(dataFrameSink)}&file_name=contract.csv",
            new StringContent("""[{"a": 1, "b": "x"}, {"a": 2, "b": null}]""", Encoding.UTF8, "application/json"), Ct);
        Assert.Contains(post.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Created });
    }

    public async Task UnknownIdsAsync()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{baseUrl}/sources/no.such.source", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await http.GetAsync($"{baseUrl}/dataframe?id=no.such.source", Ct)).StatusCode);
        var post = await http.PostAsync($"{baseUrl}/dataframe?id=no.such.sink", new StringContent("[]", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    private async Task<JsonObject> GetJsonAsync(string path) => JsonNode.Parse(await GetStringAsync(path))!.AsObject();

    private async Task<string> GetStringAsync(string path)
    {
        var response = await http.GetAsync($"{baseUrl}/{path}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
