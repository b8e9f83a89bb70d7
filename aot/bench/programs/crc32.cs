// crc32: table-driven CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) of n
// pseudo-random bytes. Measures byte loads, table lookups, shifts and xors. Twin: crc32.c.

static class Benchmark
{
    public const string Name = "crc32";
    static uint[] table;
    static byte[] data;

    public static void Setup(int size)
    {
        table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        data = new byte[size];
        uint x = 12345;
        for (int i = 0; i < size; i++)
        {
            x = x * 1103515245u + 12345u;
            data[i] = (byte)(x >> 16);
        }
    }

    public static long Run()
    {
        uint[] t = table;
        byte[] d = data;
        uint crc = 0xFFFFFFFFu;
        for (int i = 0; i < d.Length; i++) crc = t[(crc ^ d[i]) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }
}
