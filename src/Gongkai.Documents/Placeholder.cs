namespace Gongkai.Documents; internal static class Placeholder { }
