namespace Switch.Media;

/// <summary>The two G.711 companding laws.</summary>
internal enum G711Law
{
    MuLaw,
    ALaw,
}
