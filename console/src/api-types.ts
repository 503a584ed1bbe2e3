// Types straight from the contract, so a schema change in openapi.yaml breaks the console's typecheck.
import type { components } from '../../src/generated/api.ts';

type S = components['schemas'];
export type Decision = S['Decision'];
export type ReviewStatus = S['ReviewStatus'];
export type ScreeningReviewStatus = S['ScreeningReviewStatus'];
export type Party = S['Party'];
export type Finding = S['Finding'];
export type StoredScreening = S['StoredScreening'];
export type ScreeningSummary = S['ScreeningSummary'];
export type ScreeningPage = S['ScreeningPage'];
export type Review = S['Review'];
export type ReviewRequest = S['ReviewRequest'];
export type Disposition = ReviewRequest['disposition'];
export type ListSourceStatus = S['ListSourceStatus'];
export type ListVersion = S['ListVersion'];
export type ListDiff = S['ListDiff'];
export type ListEntry = S['ListEntry'];
export type Watchlist = S['Watchlist'];
export type Alert = S['Alert'];
export type Problem = S['Problem'];
export type Dashboard = S['Dashboard'];
export type DashboardList = S['DashboardList'];
export type QueueItem = S['QueueItem'];
export type QueuePage = S['QueuePage'];
export type QueueCounts = S['QueueCounts'];
