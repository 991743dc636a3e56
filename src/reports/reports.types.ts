/** One booking line of the report (times already in the venue's zone). */
export interface ReportBooking {
  bookingId: number;
  showName: string;
  genre: string;
  venueName: string;
  location: string;
  startsAt: Date;
  timezone: string;
  seats: number;
  amount: number;
}

export interface ReportUpcomingShow {
  showId: number;
  name: string;
  genre: string;
  venueName: string;
  location: string;
  startsAt: Date;
  timezone: string;
  price: number;
  seatsAvailable: number;
  /** The user has booked this genre before (these come first). */
  favouriteGenre: boolean;
}

export interface MonthlyReport {
  userId: number;
  name: string;
  /** `YYYY-MM`: the month whose shows' bookings are covered. */
  month: string;
  generatedAt: Date;
  bookings: ReportBooking[];
  totals: { bookings: number; seats: number; amount: number };
  /** Genres the user booked, most seats first. */
  favouriteGenres: string[];
  upcoming: ReportUpcomingShow[];
  /** Days covered by `upcoming`, counted from `generatedAt`. */
  upcomingDays: number;
}
