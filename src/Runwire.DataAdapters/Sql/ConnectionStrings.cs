namespace Runwire.DataAdapters.Sql;

/// <summary>Accepts hetida's SQLAlchemy URLs (<c>postgresql://user:password@host:port/db</c>, also <c>postgresql+psycopg2://</c>) besides Npgsql connection strings.</summary>
internal static class ConnectionStrings
{
    public static string ToNpgsql(string text)
    {
        if (!text.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || !text.Contains("://", StringComparison.Ordinal))
        {
            return text;
        }
        var uri = new Uri("postgresql://" + text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..]);
        var user = uri.UserInfo.Split(':', 2);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }
        if (user.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }
        return builder.ConnectionString;
    }
}
