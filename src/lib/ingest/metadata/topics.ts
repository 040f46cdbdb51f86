/**
 * Topics from the taxonomy in content/lexicon/topics.yaml: a document gets a
 * topic when the topic's keywords occur often enough in it, strongest first.
 */
import type { Topic } from '../../lexicon.ts';

/** Keyword hits a topic needs, and the most topics a document gets. */
export const MIN_TOPIC_HITS = 3;
export const MAX_TOPICS = 6;

export function detectTopics(text: string, topics: Topic[]): string[] {
  return topics
    .map((topic) => ({ id: topic.id, hits: topic.keywords.reduce((n, k) => n + (k ? text.split(k).length - 1 : 0), 0) }))
    .filter((t) => t.hits >= MIN_TOPIC_HITS)
    .sort((a, b) => b.hits - a.hits || a.id.localeCompare(b.id))
    .slice(0, MAX_TOPICS)
    .map((t) => t.id);
}
