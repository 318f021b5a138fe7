using System.Data.Common;

namespace Gongkai.Data;

/// <summary>Parameters of the few commands written in plain SQL (case numbers, the catalogue search, the schema log).</summary>
internal static class DbCommandParameters
{
    /// <summary>Adds a parameter of the provider's own kind (<c>@name</c> on PostgreSQL, <c>$name</c> or <c>@name</c> on SQLite).</summary>
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
