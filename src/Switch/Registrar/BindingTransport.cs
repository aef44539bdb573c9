namespace Switch.Registrar;

/// <summary>The transport a REGISTER arrived on; calls to the binding go back the same way.</summary>
internal enum BindingTransport
{
    Udp,
    Tcp,
    Tls,
}
