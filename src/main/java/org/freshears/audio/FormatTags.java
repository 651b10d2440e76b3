package org.freshears.audio;

/**
 * Names for the WAVE format tags people meet, so "unsupported codec" says which one. Values from the
 * Microsoft registry of wave format tags (mmreg.h / RFC 2361 appendix A).
 */
final class FormatTags {
    static final int PCM = 0x0001;
    static final int IEEE_FLOAT = 0x0003;
    static final int EXTENSIBLE = 0xFFFE;

    private FormatTags() {
    }

    /** A readable name, or null for a tag we do not know. */
    static String name(int tag) {
        return switch (tag) {
            case 0x0000 -> "unknown/invalid (format tag 0)";
            case 0x0001 -> "PCM";
            case 0x0002 -> "MS ADPCM";
            case 0x0003 -> "IEEE float";
            case 0x0006 -> "G.711 A-law";
            case 0x0007 -> "G.711 mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0022 -> "DSP Group TrueSpeech";
            case 0x0031 -> "GSM 6.10";
            case 0x0040 -> "G.721 ADPCM";
            case 0x0050 -> "MPEG-1 audio (MP2)";
            case 0x0055 -> "MPEG Layer III (MP3)";
            case 0x0092 -> "Dolby AC-3 (S/PDIF)";
            case 0x00FF, 0x1610 -> "AAC";
            case 0x0160 -> "Windows Media Audio v1";
            case 0x0161 -> "Windows Media Audio";
            case 0x0162 -> "Windows Media Audio Pro";
            case 0x0163 -> "Windows Media Audio Lossless";
            case 0x2000 -> "Dolby AC-3";
            case 0x2001 -> "DTS";
            case 0xF1AC -> "FLAC";
            default -> null;
        };
    }

    /** "IMA ADPCM (format tag 0x0011)" or "unknown format tag 0x1234". */
    static String describe(int tag, String field) {
        String hex = String.format(java.util.Locale.ROOT, "0x%04X", tag);
        String name = name(tag);
        return name == null ? "unknown " + field + " " + hex : name + " (" + field + " " + hex + ")";
    }
}
