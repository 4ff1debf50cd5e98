using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// hetida's <c>get_uuid_from_seed</c>: <c>random.seed(text)</c>, then <c>UUID(int=random.getrandbits(128))</c>. That is
/// CPython's Mersenne Twister seeded by <c>init_by_array</c> with the 32-bit words (least significant first) of the
/// big-endian integer made of the text's UTF-8 bytes followed by their SHA-512 digest.
/// </summary>
internal static class SeededUuid
{
    public static Guid From(string seed)
    {
        var text = Encoding.UTF8.GetBytes(seed);
        var number = new BigInteger([.. text, .. SHA512.HashData(text)], isUnsigned: true, isBigEndian: true);
        var bits = number.IsZero ? 0 : (int)number.GetBitLength();
        var key = new uint[bits == 0 ? 1 : ((bits - 1) / 32) + 1];
        var littleEndian = number.ToByteArray(isUnsigned: true, isBigEndian: false);
        Span<byte> padded = new byte[key.Length * 4];
        littleEndian.AsSpan(0, Math.Min(littleEndian.Length, padded.Length)).CopyTo(padded);
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = BinaryPrimitives.ReadUInt32LittleEndian(padded[(i * 4)..]);
        }
        var twister = new MersenneTwister(key);
        // getrandbits(128) fills the integer from its least significant 32-bit word up.
        Span<byte> uuid = stackalloc byte[16];
        for (var word = 0; word < 4; word++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(uuid[(12 - (4 * word))..], twister.Next());
        }
        return new Guid(uuid, bigEndian: true);
    }

    /// <summary>MT19937 as in CPython's <c>_randommodule.c</c>.</summary>
    private sealed class MersenneTwister
    {
        private const int N = 624;
        private const int M = 397;
        private readonly uint[] _mt = new uint[N];
        private int _index = N;

        public MersenneTwister(uint[] key)
        {
            _mt[0] = 19650218U;
            for (var i = 1; i < N; i++)
            {
                _mt[i] = (1812433253U * (_mt[i - 1] ^ (_mt[i - 1] >> 30))) + (uint)i;
            }
            int k, a = 1, b = 0;
            for (k = Math.Max(N, key.Length); k > 0; k--)
            {
                _mt[a] = (_mt[a] ^ ((_mt[a - 1] ^ (_mt[a - 1] >> 30)) * 1664525U)) + key[b] + (uint)b;
                a++;
                b++;
                if (a >= N)
                {
                    _mt[0] = _mt[N - 1];
                    a = 1;
                }
                if (b >= key.Length)
                {
                    b = 0;
                }
            }
            for (k = N - 1; k > 0; k--)
            {
                _mt[a] = (_mt[a] ^ ((_mt[a - 1] ^ (_mt[a - 1] >> 30)) * 1566083941U)) - (uint)a;
                a++;
                if (a >= N)
                {
                    _mt[0] = _mt[N - 1];
                    a = 1;
                }
            }
            _mt[0] = 0x80000000U;
        }

        public uint Next()
        {
            if (_index >= N)
            {
                for (var i = 0; i < N; i++)
                {
                    var y = (_mt[i] & 0x80000000U) | (_mt[(i + 1) % N] & 0x7fffffffU);
                    _mt[i] = _mt[(i + M) % N] ^ (y >> 1) ^ ((y & 1U) * 0x9908b0dfU);
                }
                _index = 0;
            }
            var x = _mt[_index++];
            x ^= x >> 11;
            x ^= (x << 7) & 0x9d2c5680U;
            x ^= (x << 15) & 0xefc60000U;
            return x ^ (x >> 18);
        }
    }
}
