// Time units as runbooks write them, in minutes. English, German, French, Spanish, Portuguese,
// Italian, Chinese and Japanese units are listed. Keys are lowercase, and a trailing "." is
// removed before lookup, so "Min." and "Std." match.
const UNIT_MINUTES: ReadonlyArray<[number, readonly string[]]> = [
  [1, ["m", "min", "mins", "minute", "minutes", "minuten", "minute(n)", "minutos", "minuti", "minuto", "分钟", "分鐘", "分", "分間"]],
  [60, ["h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden", "heure", "heures", "hora", "horas", "ora", "ore", "小时", "小時", "時間"]],
  [1440, ["d", "day", "days", "tag", "tage", "jour", "jours", "día", "días", "dia", "dias", "giorno", "giorni", "天", "日"]],
];

const MINUTES_BY_UNIT = new Map<string, number>(UNIT_MINUTES.flatMap(([minutes, units]) => units.map((unit) => [unit, minutes] as const)));

/**
 * Regular expression source that matches one unit from the table. Longer units come first, so
 * "minutes" wins over "m". A Latin unit must not be followed by another letter, so "5 months"
 * does not read as "5 m".
 */
export const UNIT_PATTERN = (() => {
  const units = [...MINUTES_BY_UNIT.keys()].sort((left, right) => right.length - left.length);
  const escaped = units.map((unit) => unit.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"));

  return String.raw`(?:${escaped.join("|")})\.?(?![\p{L}])`;
})();

/** Returns the minutes in one unit, or undefined for a unit not in the table. */
export function minutesPerUnit(unit: string): number | undefined {
  return MINUTES_BY_UNIT.get(unit.toLowerCase().replace(/\.$/u, ""));
}
