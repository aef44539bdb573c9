namespace Switch.Client;

/// <summary>Which reply a command gets: <c>api</c> gets an api/response, everything else a command/reply.</summary>
internal enum EslReplyKind
{
    CommandReply = 0,
    ApiResponse = 1,
}
