namespace Gongkai.Web.Security;

/// <summary>
/// The log lines about staff accounts that an operator needs to see in production (Warning): an account locked by
/// failed sign-ins, and who unlocked it. They carry user names and nothing else about a person (no address, no
/// password, nothing typed into the form).
/// </summary>
internal static partial class StaffAccountLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Staff account {UserName} locked out after repeated failed sign-ins")]
    public static partial void LockedOut(ILogger logger, string userName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Staff account {UserName} unlocked by administrator {AdministratorName}")]
    public static partial void Unlocked(ILogger logger, string userName, string administratorName);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Password of staff account {UserName} reset by administrator {AdministratorName}")]
    public static partial void PasswordReset(ILogger logger, string userName, string administratorName);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Staff account {UserName} changed its password")]
    public static partial void PasswordChanged(ILogger logger, string userName);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Roles of staff account {UserName} set to {Roles} by administrator {AdministratorName}")]
    public static partial void RolesChanged(ILogger logger, string userName, string roles, string administratorName);
}
