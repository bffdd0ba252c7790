// Word lists for names, titles and places. Written for this generator in the style of the real data (US metro-area
// names for listeners, free-text artist locations, 2014-era browser user agents); no real records are copied.

export const ADJECTIVES = [
  'Blue', 'Broken', 'Burning', 'Cold', 'Crimson', 'Dark', 'Deep', 'Electric', 'Empty', 'Endless', 'Fading', 'Fallen',
  'Golden', 'Good', 'Hidden', 'Hollow', 'Holy', 'Last', 'Lazy', 'Little', 'Lonely', 'Lost', 'Lucky', 'Mad', 'Midnight',
  'Modern', 'Neon', 'New', 'Old', 'Pale', 'Perfect', 'Pretty', 'Quiet', 'Red', 'Restless', 'Secret', 'Silent',
  'Silver', 'Simple', 'Slow', 'Strange', 'Sweet', 'Wild', 'Wicked', 'Young', 'Velvet', 'Summer', 'Winter', 'Northern',
  'Southern', 'Easy', 'Heavy', 'Bright', 'Bitter', 'Crazy', 'Distant', 'Gentle', 'Happy', 'Hungry', 'Infinite',
  'Magic', 'Naked', 'Open', 'Paper', 'Plastic', 'Rainy', 'Real', 'Rolling', 'Sacred', 'Savage', 'Shining', 'Sleepy',
  'Stolen', 'Sunday', 'Tender', 'True', 'Twisted', 'Underground', 'Urban', 'Violent', 'Warm', 'White', 'Black',
  'Yellow', 'Green', 'Purple', 'Frozen', 'Hot', 'Crystal', 'Cosmic', 'Dirty', 'Drunken', 'Final', 'Brave', 'Faded',
] as const;

/** Nouns that end a song title. Titles of songs in the song files end with an even-indexed noun, titles of songs
 * that are played but absent from the song files with an odd-indexed one, so the two can never coincide. */
export const NOUNS = [
  'Heart', 'Night', 'Love', 'Fire', 'Rain', 'Road', 'River', 'Dream', 'Sky', 'Light', 'World', 'Home', 'Time',
  'Girl', 'Boy', 'Moon', 'Sun', 'Star', 'Train', 'City', 'Ocean', 'Dance', 'Song', 'Eyes', 'Soul', 'Street',
  'Summer', 'Shadow', 'Morning', 'Angel', 'Devil', 'Paradise', 'Highway', 'Garden', 'Window', 'Mountain', 'Storm',
  'Memory', 'Secret', 'Kiss', 'Blues', 'Lullaby', 'Sunrise', 'Sunset', 'Thunder', 'Whisper', 'Mirror', 'Island',
  'Echo', 'Ghost', 'Diamond', 'Radio', 'Telephone', 'Letter', 'Promise', 'Tears', 'Wind', 'Snow', 'Winter', 'Spring',
  'Machine', 'Rebel', 'Hero', 'Stranger', 'Lover', 'Friend', 'Queen', 'King', 'Blood', 'Bones', 'Gold', 'Silver',
  'Honey', 'Sugar', 'Candy', 'Coffee', 'Whiskey', 'Wine', 'Rose', 'Flower', 'Tree', 'Bird', 'Wolf', 'Tiger', 'Horse',
  'Sea', 'Desert', 'Valley', 'Bridge', 'Tower', 'Castle', 'Church', 'Prayer', 'Heaven', 'Hell', 'Fever', 'Medicine',
  'Revolution', 'Freedom', 'Story', 'Answer', 'Question', 'Reason', 'Season', 'Weekend', 'Holiday', 'Party', 'Circus',
  'Carnival', 'Parade', 'Symphony', 'Serenade', 'Anthem', 'Ballad', 'Groove', 'Rhythm', 'Melody', 'Harmony',
  'Silence', 'Noise', 'Static', 'Signal', 'Gravity', 'Horizon', 'Galaxy', 'Planet', 'Rocket', 'Satellite', 'Wave',
  'Tide', 'Shore', 'Harbor', 'Lighthouse', 'Cathedral', 'Alley', 'Avenue', 'Boulevard', 'Neighborhood', 'Hometown',
  'Smile', 'Goodbye', 'Hello', 'Tomorrow', 'Yesterday', 'Today', 'Forever', 'Everything', 'Nothing', 'Somebody',
] as const;

export const VERBS_ING = [
  'Chasing', 'Dancing', 'Dreaming', 'Falling', 'Running', 'Waiting', 'Walking', 'Burning', 'Breaking', 'Calling',
  'Crying', 'Driving', 'Flying', 'Holding', 'Leaving', 'Losing', 'Missing', 'Riding', 'Searching', 'Singing',
  'Sleeping', 'Talking', 'Watching', 'Killing', 'Saving', 'Finding', 'Fighting', 'Kissing', 'Living', 'Shaking',
] as const;

export const TITLE_SUFFIXES = [
  ' (Album Version)', ' (Live)', ' (Remix)', ' (Radio Edit)', ' (Acoustic)', ' (LP Version)', ' (Demo)',
  ' (Remastered)', ' (Extended Mix)', ' (Instrumental)',
] as const;

export const BAND_NOUNS = [
  'Horses', 'Wolves', 'Ghosts', 'Kings', 'Saints', 'Sinners', 'Strangers', 'Drifters', 'Rebels', 'Lovers', 'Angels',
  'Shadows', 'Machines', 'Pilots', 'Sailors', 'Thieves', 'Brothers', 'Sisters', 'Riders', 'Dreamers', 'Monkeys',
  'Tigers', 'Foxes', 'Ravens', 'Crows', 'Owls', 'Lions', 'Bandits', 'Outlaws', 'Pirates', 'Robots', 'Astronauts',
  'Comets', 'Planets', 'Satellites', 'Echoes', 'Waves', 'Tides', 'Storms', 'Flames', 'Embers', 'Stones', 'Rockets',
  'Jets', 'Orchestra', 'Collective', 'Project', 'Experience', 'Sound System', 'Quartet', 'Trio', 'Ensemble', 'Choir',
] as const;

export const FEMALE_NAMES = [
  'Ava', 'Chloe', 'Lily', 'Sophia', 'Olivia', 'Emma', 'Isabella', 'Mia', 'Abigail', 'Emily', 'Madison', 'Harper',
  'Avery', 'Ella', 'Scarlett', 'Grace', 'Aubrey', 'Zoey', 'Hannah', 'Layla', 'Brooklyn', 'Natalie', 'Leah', 'Audrey',
  'Savannah', 'Claire', 'Stella', 'Lucy', 'Anna', 'Caroline', 'Kennedy', 'Sadie', 'Piper', 'Ruby', 'Cora', 'Julia',
  'Alexa', 'Jasmine', 'Morgan', 'Kaylee', 'Autumn', 'Mackenzie', 'Jocelyn', 'Cecilia', 'Celeste', 'Amelia', 'Evelyn',
  'Adelyn', 'Aleena', 'Alivia', 'Amiya', 'Anabelle', 'Ayla', 'Cierra', 'Elena', 'Faith', 'Jayden', 'Katherine',
  'Lily', 'Molly', 'Rylie', 'Samantha', 'Sienna', 'Tegan', 'Vera', 'Zoe', 'Nora', 'Hailey', 'Paisley', 'Nevaeh',
] as const;

export const MALE_NAMES = [
  'Liam', 'Noah', 'Mason', 'Ethan', 'Logan', 'Lucas', 'Jackson', 'Aiden', 'Oliver', 'Jacob', 'Elijah', 'Benjamin',
  'Carter', 'Wyatt', 'Owen', 'Caleb', 'Ryan', 'Nathan', 'Isaac', 'Landon', 'Hunter', 'Connor', 'Dylan', 'Gavin',
  'Tyler', 'Austin', 'Braden', 'Brantley', 'Bronson', 'Carlos', 'Christian', 'Dominick', 'Dustin', 'Emmett', 'Ezra',
  'Felix', 'Gabriel', 'Grayson', 'Jordan', 'Kevin', 'Lucas', 'Marcus', 'Miles', 'Nicolas', 'Parker', 'Quinn', 'Rafael',
  'Sebastian', 'Silas', 'Theodore', 'Tucker', 'Walter', 'Wesley', 'Xavier', 'Zachary', 'Adler', 'Colm', 'Devin',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Wilson', 'Martinez',
  'Anderson', 'Taylor', 'Thomas', 'Hernandez', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Lopez', 'Lee',
  'Gonzalez', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Perez', 'Hall', 'Young', 'Allen', 'Sanchez',
  'Wright', 'King', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Ramirez', 'Campbell', 'Mitchell',
  'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Torres', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Flores',
  'Morris', 'Nguyen', 'Murphy', 'Rivera', 'Cook', 'Rogers', 'Morgan', 'Peterson', 'Cooper', 'Reed', 'Bailey', 'Bell',
  'Gomez', 'Kelly', 'Howard', 'Ward', 'Cox', 'Diaz', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett', 'Gray',
  'James', 'Reyes', 'Cruz', 'Hughes', 'Price', 'Myers', 'Long', 'Foster', 'Sanders', 'Ross', 'Morales', 'Powell',
  'Frye', 'Summers', 'Lynch', 'Cuevas', 'Harrell', 'Klein', 'Jensen', 'Fischer', 'Lindqvist', 'Moreau', 'Rossi',
] as const;

/** Artist locations: the free text a song file carries, with the coordinates the real files give such places. */
export const ARTIST_PLACES: readonly (readonly [text: readonly string[], lat: number, lon: number])[] = [
  [['London, England', 'London', 'London, UK'], 51.50632, -0.12714],
  [['Los Angeles, CA', 'California - LA', 'LA'], 34.05349, -118.24532],
  [['New York, NY', 'NY - New York City', 'New York'], 40.71455, -74.00712],
  [['Chicago, IL', 'Chicago'], 41.88415, -87.63241],
  [['Detroit, MI', 'Detroit, Michigan'], 42.33168, -83.04792],
  [['Brooklyn, NY'], 40.65507, -73.94888],
  [['Philadelphia, PA'], 39.95227, -75.16237],
  [['Boston, MA', 'Mass. - Boston'], 42.31256, -71.08868],
  [['Seattle, WA'], 47.60356, -122.32944],
  [['San Francisco, CA', 'California - SF'], 37.77916, -122.42005],
  [['Atlanta, GA'], 33.74831, -84.39111],
  [['Memphis, TN'], 35.14968, -90.04892],
  [['Nashville, TN', 'Nashville, TN.'], 36.16778, -86.77836],
  [['Kingston, Jamaica'], 17.99702, -76.79358],
  [['Manchester, England'], 53.4796, -2.24881],
  [['Glasgow, Scotland'], 55.85712, -4.24325],
  [['Berlin, Germany'], 52.51607, 13.37698],
  [['New Orleans, LA'], 29.95369, -90.07771],
  [['Toronto, Ontario, Canada', 'CANADA - Ontario'], 43.64856, -79.38533],
  [['Minneapolis, MN'], 44.97903, -93.26493],
  [['Dallas, TX'], 32.77815, -96.7954],
  [['Austin, TX'], 30.26759, -97.74299],
  [['Houston, TX'], 29.76045, -95.36978],
  [['Paris, France'], 48.85692, 2.34121],
  [['Stockholm, Sweden', 'Sweden'], 59.33217, 18.06476],
  [['Oslo, Norway'], 59.91228, 10.74998],
  [['Reykjavik, Iceland'], 64.13548, -21.89541],
  [['Dublin, Ireland'], 53.34376, -6.24953],
  [['Melbourne, Australia'], -37.81753, 144.96715],
  [['Sydney, Australia'], -33.86963, 151.20695],
  [['Kingston upon Thames'], 51.41259, -0.29996],
  [['Sao Paulo, Brazil'], -23.56287, -46.65468],
  [['Mexico City, Mexico'], 19.43162, -99.13292],
  [['Tokyo, Japan'], 35.68308, 139.80889],
  [['Montreal, Quebec, Canada'], 45.51228, -73.55439],
  [['Portland, OR'], 45.51179, -122.67563],
  [['Denver, CO'], 39.74001, -104.99226],
  [['Miami, FL', 'Florida'], 25.72898, -80.26305],
  [['Texas'], 31.1689, -100.07715],
  [['California'], 37.27188, -119.27023],
  [['GERMANY', 'Germany'], 51.16418, 10.45415],
  [['United States'], 37.16793, -95.84502],
  [['UK', 'England'], 52.88356, -1.97406],
] as const;

/** Non-ASCII place texts, used only with quirks on. */
export const ACCENTED_PLACES: readonly (readonly [text: string, lat: number, lon: number])[] = [
  ['Göteborg, Sweden', 57.70133, 11.96689],
  ['München, Germany', 48.13641, 11.57753],
  ['Montréal, Québec, Canada', 45.51228, -73.55439],
  ['São Paulo, Brazil', -23.56287, -46.65468],
  ['Zürich, Switzerland', 47.37721, 8.53764],
  ['Bogotá, Colombia', 4.59806, -74.07583],
  ['Reykjavík, Iceland', 64.13548, -21.89541],
  ['Kraków, Poland', 50.06045, 19.93242],
] as const;

/** Listener locations: US metropolitan statistical areas, the form the real logs use. */
export const LISTENER_METROS = [
  'New York-Newark-Jersey City, NY-NJ-PA', 'Los Angeles-Long Beach-Anaheim, CA', 'Chicago-Naperville-Elgin, IL-IN-WI',
  'Dallas-Fort Worth-Arlington, TX', 'Houston-The Woodlands-Sugar Land, TX', 'Washington-Arlington-Alexandria, DC-VA-MD-WV',
  'Miami-Fort Lauderdale-West Palm Beach, FL', 'Philadelphia-Camden-Wilmington, PA-NJ-DE-MD',
  'Atlanta-Sandy Springs-Roswell, GA', 'Boston-Cambridge-Newton, MA-NH', 'Phoenix-Mesa-Scottsdale, AZ',
  'San Francisco-Oakland-Hayward, CA', 'Riverside-San Bernardino-Ontario, CA', 'Detroit-Warren-Dearborn, MI',
  'Seattle-Tacoma-Bellevue, WA', 'Minneapolis-St. Paul-Bloomington, MN-WI', 'San Diego-Carlsbad, CA',
  'Tampa-St. Petersburg-Clearwater, FL', 'Denver-Aurora-Lakewood, CO', 'St. Louis, MO-IL',
  'Baltimore-Columbia-Towson, MD', 'Charlotte-Concord-Gastonia, NC-SC', 'Orlando-Kissimmee-Sanford, FL',
  'San Antonio-New Braunfels, TX', 'Portland-Vancouver-Hillsboro, OR-WA', 'Pittsburgh, PA',
  'Sacramento--Roseville--Arden-Arcade, CA', 'Las Vegas-Henderson-Paradise, NV', 'Cincinnati, OH-KY-IN',
  'Kansas City, MO-KS', 'Columbus, OH', 'Indianapolis-Carmel-Anderson, IN', 'Cleveland-Elyria, OH',
  'San Jose-Sunnyvale-Santa Clara, CA', 'Nashville-Davidson--Murfreesboro--Franklin, TN',
  'Virginia Beach-Norfolk-Newport News, VA-NC', 'Providence-Warwick, RI-MA', 'Milwaukee-Waukesha-West Allis, WI',
  'Jacksonville, FL', 'Memphis, TN-MS-AR', 'Oklahoma City, OK', 'Louisville/Jefferson County, KY-IN',
  'Hartford-West Hartford-East Hartford, CT', 'Richmond, VA', 'New Orleans-Metairie, LA', 'Raleigh, NC',
  'Birmingham-Hoover, AL', 'Salt Lake City, UT', 'Tucson, AZ', 'Columbia, SC', 'Eugene, OR', 'Cedar Rapids, IA',
  'Harrisburg-Carlisle, PA', 'Lansing-East Lansing, MI', 'Las Cruces, NM', 'Elkhart-Goshen, IN',
  'Augusta-Richmond County, GA-SC', 'Janesville-Beloit, WI', 'La Crosse-Onalaska, WI-MN', 'Klamath Falls, OR',
  'Santa Maria-Santa Barbara, CA', 'Tallahassee, FL', 'Winston-Salem, NC', 'Yuba City, CA', 'Red Bluff, CA',
] as const;

/** Browsers of the period, written with the surrounding double quotes the real logs keep. */
export const USER_AGENTS = [
  '"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36"',
  '"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/35.0.1916.153 Safari/537.36"',
  '"Mozilla/5.0 (Windows NT 6.3; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36"',
  '"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/37.0.2062.103 Safari/537.36"',
  '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36"',
  '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.77.4 (KHTML, like Gecko) Version/7.0.5 Safari/537.77.4"',
  '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_2) AppleWebKit/537.74.9 (KHTML, like Gecko) Version/7.0.2 Safari/537.74.9"',
  '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_8_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.125 Safari/537.36"',
  '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10) AppleWebKit/538.46 (KHTML, like Gecko) Version/8.0 Safari/538.46"',
  '"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36"',
  '"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:31.0) Gecko/20100101 Firefox/31.0"',
  '"Mozilla/5.0 (Windows NT 6.1; WOW64; rv:31.0) Gecko/20100101 Firefox/31.0"',
  '"Mozilla/5.0 (Windows NT 6.1; WOW64; rv:30.0) Gecko/20100101 Firefox/30.0"',
  '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10.9; rv:31.0) Gecko/20100101 Firefox/31.0"',
  '"Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko"',
  '"Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.2; WOW64; Trident/6.0)"',
  '"Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53"',
  '"Mozilla/5.0 (iPad; CPU OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53"',
  '"Mozilla/5.0 (Windows NT 6.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.125 Safari/537.36"',
  '"Mozilla/5.0 (Windows NT 5.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36"',
  '"Mozilla/5.0 (Windows NT 6.2; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.125 Safari/537.36"',
  '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36"',
] as const;

/** Accents that the quirks put into names and titles (ASCII letter → a Latin-1 accented form). */
export const ACCENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['á', 'ä', 'ã', 'à'],
  e: ['é', 'è', 'ë'],
  i: ['í', 'ï'],
  o: ['ó', 'ö', 'ø'],
  u: ['ú', 'ü'],
  n: ['ñ'],
  c: ['ç'],
};
